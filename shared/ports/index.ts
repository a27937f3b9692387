// The ports: every I/O the product does goes through one of these interfaces.
export type * from './object-store';
export type * from './table';
export type * from './graph-store';
export type * from './predictor';
export type * from './notifier';
export type * from './clock';
export type * from './key-ring';
export { systemClock, fixedClock } from './clock';
export type * from './event-bus';
export { eventTypes } from './event-bus';
