export { memoryStorage } from './memory.js';
export {
  createOutbox,
  type EntryState,
  type OnlineSignal,
  type Outbox,
  type OutboxEntry,
  type OutboxOptions,
  type OutboxSnapshot,
  type OutboxStorage,
} from './outbox.js';
