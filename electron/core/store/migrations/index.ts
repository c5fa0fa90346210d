import { migration0001 } from './0001-deliveries-events';
import { migration0002 } from './0002-reviews-alerts';
import { migration0003 } from './0003-rapidadmin-idv';
import { migration0004 } from './0004-job-queue-indexes';
import { migration0005 } from './0005-lean-job-indexes';
import { migration0006 } from './0006-attempts-grouping-conflicts';
import { migration0007 } from './0007-pin-refusals';
import { migration0008 } from './0008-job-search-index';
import { migration0009 } from './0009-id-high-water';
import { migration0010 } from './0010-backups-restored-marks';
import { migration0011 } from './0011-accounts';
import { migration0012 } from './0012-audit-people';
import { migration0013 } from './0013-alarm-model';
import { migration0014 } from './0014-production';
import { migration0015 } from './0015-health-snapshots';
import { migration0016 } from './0016-languages';
import { migration0017 } from './0017-audit-details';

export const MIGRATIONS = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
];
