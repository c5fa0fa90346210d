import { migration0001 } from './0001-deliveries-events';

export const MIGRATIONS = [migration0001];
