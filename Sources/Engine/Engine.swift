/// The Engine layer of fer (see README).
public enum EngineModule {}
