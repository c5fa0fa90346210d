import type { StoreApi } from 'zustand/vanilla';
import type { ConsoleClient } from '../../../shared/api/contract';
import type { ActionsSlice } from './actions';
import type { AlertsSlice } from './alerts-slice';
import type { AuditEventsSlice } from './audit-events-slice';
import type { AuditSlice } from './audit-slice';
import type { BackupSlice } from './backup-slice';
import type { CommandsSlice } from './commands-slice';
import type { DeliveriesSlice } from './deliveries-slice';
import type { DisplaySlice } from './display-slice';
import type { ErrorsSlice } from './errors-slice';
import type { FeedsSlice } from './feeds-slice';
import type { FindJobSlice } from './find-job-slice';
import type { HealthSlice } from './health-slice';
import type { JobsSlice } from './jobs-slice';
import type { LocaleSlice } from './locale-slice';
import type { MachinesSlice } from './machines-slice';
import type { PeopleSlice } from './people-slice';
import type { ProductionSlice } from './production-slice';
import type { ReviewsSlice } from './reviews-slice';
import type { SessionSlice } from './session-slice';
import type { SettingsSlice } from './settings-slice';
import type { StorageSlice } from './storage-slice';
import type { TrainingSlice } from './training-slice';

export type ConsoleState = SessionSlice &
  LocaleSlice &
  DisplaySlice &
  ActionsSlice &
  ErrorsSlice &
  SettingsSlice &
  BackupSlice &
  StorageSlice &
  MachinesSlice &
  JobsSlice &
  FindJobSlice &
  CommandsSlice &
  AlertsSlice &
  AuditSlice &
  AuditEventsSlice &
  ReviewsSlice &
  DeliveriesSlice &
  FeedsSlice &
  TrainingSlice &
  PeopleSlice &
  ProductionSlice &
  HealthSlice;

/** A slice's creator gets the store's setter and getter and the transport the actions call. */
export type SliceCreator<S> = (
  set: StoreApi<ConsoleState>['setState'],
  get: StoreApi<ConsoleState>['getState'],
  client: ConsoleClient,
) => S;
