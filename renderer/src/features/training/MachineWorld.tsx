import type { ReactNode } from 'react';
import type { TrainingMachine } from '../../../../shared/api/views';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectTrainingBusy } from '../../store/training-slice';

const CARDS_PER_LOAD = 10;

function Tile({ label, good, value, children }: { label: string; good: boolean; value: ReactNode; children: ReactNode }) {
  return (
    <div className={`world-tile ${good ? 'world-ok' : 'world-bad'}`}>
      <span className="world-label">{label}</span>
      <span className="world-value">
        <span aria-hidden="true">{good ? '✓' : '⚠'}</span> {value}
      </span>
      {children}
    </div>
  );
}

/**
 * What stands at the machine and only a person there can change: the feeder, the cover, the transport, the cartridge. These
 * actions do not resume anything: as at a real machine, issuance goes on only when the console says Resume.
 */
export function MachineWorld({ machine }: { machine: TrainingMachine }) {
  const t = useT();
  const act = useConsole((s) => s.trainingAction);
  const busy = useConsole(selectTrainingBusy);
  const id = machine.machineId;
  const empty = machine.cardsInFeeder === 0;
  return (
    <div className="machine-world" role="group" aria-label={t('training:world.at', { machine: machine.label })}>
      <Tile
        label={t('training:world.feeder')}
        good={!empty}
        value={
          <>
            <strong data-testid="cards-in-feeder">{machine.cardsInFeeder}</strong> {t('training:world.cards', { count: machine.cardsInFeeder })}
            {empty ? ` — ${t('training:world.empty')}` : ''}
          </>
        }
      >
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => void act({ machineId: id, action: 'load-cards', count: CARDS_PER_LOAD })}
        >
          <span aria-hidden="true">+</span> {t('training:world.load', { count: CARDS_PER_LOAD })}
        </button>
      </Tile>
      <Tile
        label={t('training:world.cover')}
        good={!machine.coverOpen}
        value={<strong>{machine.coverOpen ? t('training:world.open') : t('training:world.closed')}</strong>}
      >
        <button
          type="button"
          className="btn"
          disabled={!machine.coverOpen || busy}
          onClick={() => void act({ machineId: id, action: 'close-cover' })}
        >
          {t('training:world.closeCover')}
        </button>
      </Tile>
      <Tile
        label={t('training:world.transport')}
        good={!machine.jammed}
        value={<strong>{machine.jammed ? t('training:world.jammed') : t('training:world.clear')}</strong>}
      >
        <button
          type="button"
          className="btn"
          disabled={!machine.jammed || busy}
          onClick={() => void act({ machineId: id, action: 'clear-jam' })}
        >
          {t('training:world.clearJam')}
        </button>
      </Tile>
      <Tile
        label={t('training:world.cartridge')}
        good={!machine.cartridgeLow}
        value={<strong>{machine.cartridgeLow ? t('training:world.cartridgeLow') : t('training:world.cartridgeGood')}</strong>}
      >
        <button
          type="button"
          className="btn"
          disabled={!machine.cartridgeLow || busy}
          onClick={() => void act({ machineId: id, action: 'change-cartridge' })}
        >
          {t('training:world.changeCartridge')}
        </button>
      </Tile>
    </div>
  );
}
