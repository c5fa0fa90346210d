import { useId } from 'react';
import { ProductionGroupBySchema, type ProductionGroupBy } from '../../../../shared/api/production';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import type { RangePreset } from '../../store/production-slice';

const PRESETS: readonly RangePreset[] = ['today', 'yesterday', 'last7days', 'last30days'];

interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (v: V) => void;
}

function Select<V extends string>({ label, value, options, onChange }: SelectProps<V>) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The range, the machine (or the whole line) and what one row of the accounting stands for. */
export function ProductionChoices({ onRefresh }: { onRefresh: () => void }) {
  const t = useT();
  const choice = useConsole((s) => s.productionChoice);
  const choose = useConsole((s) => s.chooseProduction);
  const machines = useConsole((s) => s.machines);
  const WHOLE = '';
  return (
    <div className="production-choices job-filters">
      <Select label={t('report:choice.range')} value={choice.preset} options={PRESETS.map((p) => ({ value: p, label: t(`report:preset.${p}`) }))} onChange={(preset) => choose({ preset })} />
      <Select
        label={t('report:choice.machine')}
        value={choice.machineId ?? WHOLE}
        options={[{ value: WHOLE, label: t('report:choice.wholeLine') }, ...machines.map((m) => ({ value: m.id, label: m.label }))]}
        onChange={(id) => choose({ machineId: id === WHOLE ? undefined : id })}
      />
      <Select<ProductionGroupBy>
        label={t('report:choice.groupBy')}
        value={choice.groupBy}
        options={ProductionGroupBySchema.options.map((g) => ({ value: g, label: t(`report:groupBy.${g}`) }))}
        onChange={(groupBy) => choose({ groupBy })}
      />
      <button type="button" className="btn btn-small" onClick={onRefresh}>
        {t('report:choice.refresh')}
      </button>
    </div>
  );
}
