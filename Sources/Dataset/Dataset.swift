/// The Dataset layer of fer (see README).
public enum DatasetModule {}
