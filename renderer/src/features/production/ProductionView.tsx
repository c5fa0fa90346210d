import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { FiguresScreen } from './FiguresScreen';
import { ShiftReportsScreen } from './ShiftReportsScreen';
import './production.css';
// After the screen's rules: the print rules also outrank them by their selectors.
import './print.css';

/** The supervisor's view of production: the figures of any range, and the frozen shift reports. */
export function ProductionView() {
  const t = useT();
  const screen = useConsole((s) => s.productionScreen);
  const show = useConsole((s) => s.showProductionScreen);
  return (
    <section className="panel production" aria-labelledby="production-title">
      <div className="panel-header screen-only">
        <h2 id="production-title">{t('report:title')}</h2>
        <div className="production-tabs" role="group">
          {(['figures', 'reports'] as const).map((s) => (
            <button key={s} type="button" className="btn btn-small" aria-pressed={screen === s} onClick={() => show(s)}>
              {t(`report:screen.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {screen === 'figures' ? <FiguresScreen /> : <ShiftReportsScreen />}
    </section>
  );
}
