/**
 * The bot's view of staff review: which chats hold answers as drafts, and how a draft is stored.
 * The implementation (the database, staff console, chat approval) lives with the review feature.
 */
import type { Facts } from "../rules/facts.js";
import type { Answer } from "./answer.js";
import type { IncomingMessage } from "./message.js";

/** Everything staff need to check a draft: the question, the facts, the engine result, the text. */
export interface DraftInput {
  message: IncomingMessage;
  facts: Facts;
  /** The full answer, including awards with their traces and the citations. */
  answer: Answer;
}

export interface ReviewGate {
  /** true when answers in this chat must be held for staff approval. */
  isReviewed(channel: IncomingMessage["channel"], chatId: string): Promise<boolean>;
  /** Store the draft durably and return its id. */
  holdDraft(draft: DraftInput): Promise<number>;
  /** The acknowledgement to send the asker while the draft waits, or null to send nothing. */
  acknowledgement(channel: IncomingMessage["channel"], chatId: string): string | null;
  /**
   * For a chat nothing can push an approved reply to (`ask`): the staff decision on this asker's earlier
   * draft of the same question, now counted as delivered. Undefined when there is none, or the chat gets
   * decisions pushed to it.
   */
  recall?(message: IncomingMessage): Promise<EarlierDecision | undefined>;
}

/** Where an earlier draft of the same question stands, and what its asker receives now. */
export type EarlierDecision =
  | { state: "pending"; draftId: number; answer: Answer }
  | { state: "approved"; draftId: number; answer: Answer; text: string }
  | { state: "rejected"; draftId: number; text: string };
