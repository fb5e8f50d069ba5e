export { type RunningServer, type ServerOptions, startServer } from './app.js';
export { type Board, buildBoard } from './board.js';
export { openRepository, type Repository } from './store/index.js';
export type * from './store/types.js';
