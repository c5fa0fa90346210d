import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectIsTraining } from '../../store/selectors';

/** Always on screen in training mode: nothing here touches a real machine or a real card. */
export function TrainingBanner() {
  const t = useT();
  const training = useConsole(selectIsTraining);
  if (!training) return null;
  return (
    <div className="training-banner" role="note">
      <strong>{t('band:training.title')}</strong> — {t('band:training.text')}
    </div>
  );
}
