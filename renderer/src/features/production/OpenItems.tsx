import type { OpenItems } from '../../../../shared/api/production';
import { useT } from '../../i18n/use-t';
import type { Formats } from './formats';

type Item = OpenItems['alerts'][number] & { state?: string };

function ItemList({ title, items, f, machineLabel }: { title: string; items: readonly Item[]; f: Formats; machineLabel: (id: string) => string }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div className="open-items-group">
      <h4>
        {title}: {f.count(items.length)}
      </h4>
      <ul className="plain-list">
        {items.map((i) => (
          <li key={i.id}>
            <strong>{machineLabel(i.machineId)}</strong> — {i.kind}
            {i.state === undefined ? '' : ` (${i.state})`}, {t('report:openItems.since', { at: f.dateTime(i.since) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the next shift inherits: the alerts, reviews and commands still open when the report was made. */
export function OpenItemsList({ items, f, machineLabel }: { items: OpenItems; f: Formats; machineLabel: (id: string) => string }) {
  const t = useT();
  const none = items.alerts.length + items.reviews.length + items.commands.length === 0;
  return (
    <section className="open-items">
      <h3>{t('report:openItems.title')}</h3>
      {none && <p className="muted">{t('report:openItems.none')}</p>}
      <ItemList title={t('report:openItems.alerts')} items={items.alerts} f={f} machineLabel={machineLabel} />
      <ItemList title={t('report:openItems.reviews')} items={items.reviews} f={f} machineLabel={machineLabel} />
      <ItemList title={t('report:openItems.commands')} items={items.commands} f={f} machineLabel={machineLabel} />
    </section>
  );
}
