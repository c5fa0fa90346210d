/** The physical machine the trainee stands at: what the console cannot see and only a person can change. */
export interface PhysicalWorld {
  cardsInFeeder: number;
  coverOpen: boolean;
  /** A card is stuck in the transport. */
  jammed: boolean;
  /** Cards through the machine (completed and faulted) when its print cartridge was last changed. */
  cartridgeFrom: number;
}
