/// The Terminal layer of fer (see README).
public enum TerminalModule {}
