// The DOM helpers of the pages (service-support, /common/js/dom.js) and the admin front-end's labels.
import {h} from '/common/js/dom.js';

export {h, append, clear, time, SEVERITY_LABELS} from '/common/js/dom.js';

export const STATE_LABELS = {
  VALIDATION_FAILED: '校验未通过',
  AWAITING_REVIEW: '待审核',
  IN_REVIEW: '审核中',
  APPROVED: '已通过',
  RETURNED: '已退回',
  SUPERSEDED: '已被新版本取代',
  WITHDRAWN: '已被乡镇撤回'
};

export const TIMELINESS_LABELS = {ON_TIME: '按时完成', LATE: '逾期完成', MISSING: '逾期未报', PENDING: '尚未到期'};

export function stateBadge(state, label) {
  return h('span', {class: `badge state-${state}`}, label || STATE_LABELS[state] || state);
}
