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

/** A part of the machine that is fine or at fault (`words`: the fault's word, then the fine one), and its fix. */
function FaultTile(props: { label: string; fault: boolean; words: [string, string]; fix: string; disabled: boolean; onFix: () => void }) {
  return (
    <Tile label={props.label} good={!props.fault} value={<strong>{props.fault ? props.words[0] : props.words[1]}</strong>}>
      <button type="button" className="btn" disabled={!props.fault || props.disabled} onClick={props.onFix}>
        {props.fix}
      </button>
    </Tile>
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
      <FaultTile
        label={t('training:world.cover')}
        fault={machine.coverOpen}
        words={[t('training:world.open'), t('training:world.closed')]}
        fix={t('training:world.closeCover')}
        disabled={busy}
        onFix={() => void act({ machineId: id, action: 'close-cover' })}
      />
      <FaultTile
        label={t('training:world.transport')}
        fault={machine.jammed}
        words={[t('training:world.jammed'), t('training:world.clear')]}
        fix={t('training:world.clearJam')}
        disabled={busy}
        onFix={() => void act({ machineId: id, action: 'clear-jam' })}
      />
      <FaultTile
        label={t('training:world.cartridge')}
        fault={machine.cartridgeLow}
        words={[t('training:world.cartridgeLow'), t('training:world.cartridgeGood')]}
        fix={t('training:world.changeCartridge')}
        disabled={busy}
        onFix={() => void act({ machineId: id, action: 'change-cartridge' })}
      />
    </div>
  );
}
