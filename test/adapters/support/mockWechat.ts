/**
 * A real Wechaty running on wechaty-puppet-mock, logged in as a bot account, with helpers to let mock
 * contacts talk and to collect what the bot said.
 */
import { WechatyBuilder, type Wechaty } from "wechaty";
import { PuppetMock, mock } from "wechaty-puppet-mock";

export interface SentByBot {
  /** Room id, or the listener's contact id in a private chat. */
  chatId: string;
  text: string;
  at: number;
}

export interface MockWechat {
  wechaty: Wechaty;
  mocker: mock.Mocker;
  botUser: mock.ContactMock;
  sent: SentByBot[];
  stop(): Promise<void>;
}

/** Start Wechaty on a fresh mocker and log the bot in. */
export async function startMockWechat(): Promise<MockWechat> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const wechaty = WechatyBuilder.build({ puppet, name: `test-${process.pid}-${Date.now()}` });
  const sent: SentByBot[] = [];
  wechaty.on("message", (message) => {
    if (!message.self()) return;
    sent.push({ chatId: message.room()?.id ?? message.listener()?.id ?? "?", text: message.text(), at: Date.now() });
  });
  await wechaty.start();
  const botUser = mocker.createContact({ name: "惠商小助手" });
  const loggedIn = new Promise<void>((resolve) => wechaty.once("login", () => resolve()));
  mocker.login(botUser);
  await loggedIn;
  return {
    wechaty,
    mocker,
    botUser,
    sent,
    async stop() {
      await wechaty.stop();
    },
  };
}
