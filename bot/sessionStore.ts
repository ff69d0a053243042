/**
 * Where conversation sessions live. The in-memory store is the default; store/sqlSessionStore.ts keeps
 * them in the database (SQLite or PostgreSQL), so a restart keeps them and several processes share them.
 */
import type { Facts } from "../rules/facts.js";
import type { SessionKey } from "./message.js";
import type { DoubtfulFact } from "./understanding/plausibility.js";

/** What the bot remembers about one user in one chat. */
export interface Session {
  facts: Facts;
  /** The region(s) the conversation is about (policy ids), most recent first. */
  policyIds: string[];
  /** Rule ids the previous turns were about, so "那如果在聊城呢？" can re-evaluate the same topic. */
  topic: string[];
  /** The previous question's intent, for follow-ups that only add facts. */
  lastIntent?: string;
  /** Facts the bot asked for last turn: a bare number or yes/no in the next message answers them. */
  awaiting: string[];
  /** Measures the provisions asked about still lack beyond those asked for (the question names a few): a bare figure may give them ("半天 80个人"). */
  open?: string[];
  /** Measures the user stated most recently: "说错了，是2500万" / "那要是3亿呢" revise these. */
  recent?: string[];
  /** Figures asked back as implausible ("2万个站点？"): "对" or the same figure again confirms them. */
  unconfirmed?: DoubtfulFact[];
  /** The user's own words for facts they stated ("不是旗舰店"), to show beside the clause's words. */
  said?: Record<string, string>;
  /** Facts guessed rather than stated (the applicant type from a follower count): they rule no provision out. */
  inferred?: string[];
  /** Values the last question named only as the provision asked about ("示范企业奖励是多少"): a short affirming reply states them. */
  askedAbout?: Record<string, string>;
  /** Conditions the user spoke of in words no reader understood ("园区那边我们没去"), by fact: asked, not assumed, until stated. */
  unread?: Record<string, { said: string; kind: "negated" | "doubted" }>;
  /** An amount the user says the policy gives ("听说奖励50万"), in their words, until an answer checks it. */
  claim?: Claim;
  /** Epoch ms of the last message; sessions idle longer than the configured time are dropped. */
  updatedAt: number;
}

/** An amount the user claims: their words ("50万") and its value in fen. */
export interface Claim {
  words: string;
  fen: number;
}

/** Storage for sessions, keyed by (channel, chat, user). */
export interface SessionStore {
  get(key: SessionKey): Promise<Session | undefined>;
  set(key: SessionKey, session: Session): Promise<void>;
  delete(key: SessionKey): Promise<void>;
}

/** A stable string for a session key; ids may contain any character, so JSON is used. */
export function sessionKeyString(key: SessionKey): string {
  return JSON.stringify([key.channel, key.chatId, key.userId]);
}

/** Sessions in a Map: lost on restart. */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Session>();
  async get(key: SessionKey): Promise<Session | undefined> {
    return this.#sessions.get(sessionKeyString(key));
  }
  async set(key: SessionKey, session: Session): Promise<void> {
    this.#sessions.set(sessionKeyString(key), session);
  }
  async delete(key: SessionKey): Promise<void> {
    this.#sessions.delete(sessionKeyString(key));
  }
}
