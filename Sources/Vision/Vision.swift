/// The Vision layer of fer (see README).
public enum VisionModule {}
