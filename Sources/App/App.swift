/// The App layer of fer (see README).
public enum AppModule {}
