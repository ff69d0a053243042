/** What a running chat channel tells /healthz about itself. */
export interface ChannelState {
  /** The connection to the channel's service is up (puppet started, long connection open, Bot API reachable). */
  connected: boolean;
  /** The bot's account is logged in (WeChat scanned, WeCom authenticated, Telegram token accepted). */
  loggedIn: boolean;
}
