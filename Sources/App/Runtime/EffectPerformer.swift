/// Carries out the effects `AppUpdate` asks for. Called on the UI thread; long work goes to
/// worker threads, whose results come back as messages posted to the inbox.
public protocol EffectPerformer: AnyObject {
    func perform(_ effect: Effect, inbox: Inbox)
    /// The app is quitting: stop every worker (a training run first saves its resume checkpoint).
    func shutdown()
}
