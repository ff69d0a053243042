/**
 * Names for WeChat rooms and contacts that survive a re-login. wechat4u hands out new room and contact
 * ids on every login (wechaty#2030), so settings may name a room by its topic and a contact by alias
 * (备注) or name, with an id as an optional fast path. After each login every name is looked up again;
 * one that no longer resolves is logged once.
 */
import type { Wechaty } from "wechaty";
import type { AdapterLog } from "../adapterLog.js";

export interface ChatDirectory {
  /** The current id of a room named by id or topic, as of the last login (undefined when unknown). */
  roomId(ref: string): string | undefined;
  /** Whether `contactId` is the contact `ref` names (its id, or the alias/name resolved at the last login). */
  isContact(ref: string, contactId: string): boolean;
  /** Look every registered name up again (run on each login). */
  refresh(): Promise<void>;
  /** Names to keep resolved (settings, stored bindings). */
  watchRooms(refs: Iterable<string>): void;
  watchContacts(refs: Iterable<string>): void;
}

/** A directory over a logged-in Wechaty. */
export function createChatDirectory(wechaty: Wechaty, log: AdapterLog): ChatDirectory {
  const roomRefs = new Set<string>();
  const contactRefs = new Set<string>();
  let rooms = new Map<string, string>();
  let contacts = new Map<string, string>();
  const reported = new Set<string>();

  const reportOnce = (what: string) => {
    if (reported.has(what)) return;
    reported.add(what);
    log.warn(`wechat: ${what}`);
  };

  // Everything is matched against one listing per login: asking the puppet for an id that is not one
  // (a topic, a name) makes some puppets emit errors, which the supervisor would count against them.
  const listRooms = async () =>
    Promise.all((await wechaty.Room.findAll()).map(async (room) => ({ id: room.id, topic: await room.topic().catch(() => "") })));
  const listContacts = async () =>
    Promise.all((await wechaty.Contact.findAll()).map(async (c) => ({ id: c.id, name: c.name(), alias: (await c.alias().catch(() => undefined)) ?? "" })));

  const findRoom = (ref: string, all: { id: string; topic: string }[]): string | undefined => {
    const byId = all.find((room) => room.id === ref);
    if (byId) return byId.id;
    const byTopic = all.filter((room) => room.topic === ref);
    if (byTopic.length > 1) reportOnce(`${byTopic.length} rooms are called "${ref}"; name the room by its id or give it a unique topic`);
    return byTopic.length === 1 ? byTopic[0]!.id : undefined;
  };

  const findContact = (ref: string, all: { id: string; name: string; alias: string }[]): string | undefined => {
    const byId = all.find((c) => c.id === ref);
    if (byId) return byId.id;
    // An alias (备注) is set by the bot's own account, so it is preferred over a name anyone can copy.
    for (const found of [all.filter((c) => c.alias === ref), all.filter((c) => c.name === ref)]) {
      if (found.length > 1) {
        reportOnce(`${found.length} contacts match "${ref}"; name the person by id or a unique alias (备注)`);
        return undefined;
      }
      if (found.length === 1) return found[0]!.id;
    }
    return undefined;
  };

  return {
    roomId: (ref) => rooms.get(ref),
    isContact: (ref, contactId) => ref === contactId || contacts.get(ref) === contactId,
    watchRooms: (refs) => void [...refs].forEach((r) => roomRefs.add(r)),
    watchContacts: (refs) => void [...refs].forEach((r) => contactRefs.add(r)),
    async refresh() {
      // Built aside and swapped in whole, so messages read during the look-up see the previous login's ids.
      const foundRooms = new Map<string, string>();
      const foundContacts = new Map<string, string>();
      const allRooms = roomRefs.size > 0 ? await listRooms() : [];
      const allContacts = contactRefs.size > 0 ? await listContacts() : [];
      for (const ref of roomRefs) {
        const id = findRoom(ref, allRooms);
        if (id) foundRooms.set(ref, id);
        else {
          reportOnce(`no room "${ref}" found after login; its setting or binding does nothing until the bot is in a room of that id or topic`);
        }
      }
      for (const ref of contactRefs) {
        const id = findContact(ref, allContacts);
        if (id) foundContacts.set(ref, id);
        else {
          reportOnce(`no contact "${ref}" found after login (by id, alias or name); that person is not recognised as staff`);
        }
      }
      rooms = foundRooms;
      contacts = foundContacts;
      log.info(`wechat: after login found ${rooms.size} of ${roomRefs.size} named rooms and ${contacts.size} of ${contactRefs.size} named contacts`);
    },
  };
}
