/** Safe RouterOS script text (issue 7 §3): quoting, version-correct dates, owned named scripts and schedulers. */
export { rosQuote, rosName } from './quote';
export { dateStyleFor, formatRosDate, formatRosTime, rosVersionParts, type RosDateStyle } from './dates';
export {
  OWNED_PREFIX,
  commandLine,
  findExpr,
  ownedComment,
  parseOwnedComment,
  readBackMismatches,
  schedulerEntry,
  scriptEntry,
  scriptName,
  type OwnedRef,
  type RosPolicy,
  type SchedulerSpec,
} from './builder';
