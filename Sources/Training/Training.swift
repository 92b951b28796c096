/// The Training layer of fer (see README).
public enum TrainingModule {}
