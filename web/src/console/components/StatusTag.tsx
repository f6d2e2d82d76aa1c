import { Tag, Tooltip } from 'antd';
import { caseDeadline, leftText, LEVEL_COLORS, type Stage } from '../model/deadline';
import { STAGE_LABELS, STATUS_COLORS, STATUS_LABELS } from '../model/labels';
import type { CaseStatus, CaseView } from '../model/types';

export function StatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{STATUS_LABELS[status] ?? status}</Tag>;
}

const LEVEL_TEXT = { green: '正常', amber: '已过半', red: '临近超时', overdue: '已超时' };

/** The running stage's time left, coloured green / amber (50%) / red (75%) / overdue. */
export function DeadlineTag({
  aCase,
  now,
  starts,
}: {
  aCase: Pick<CaseView, 'status' | 'deadlines' | 'reportedAt'> & Partial<Pick<CaseView, 'currentStage'>>;
  now: Date;
  starts?: Partial<Record<Stage, Date>>;
}) {
  const paused = aCase.currentStage?.pausedSince ? aCase.currentStage : undefined;
  if (paused) {
    return (
      <Tooltip title={`等待居民，${STAGE_LABELS[paused.stage]}时限自 ${new Date(paused.pausedSince!).toLocaleString('zh-CN')} 暂停，已用 ${paused.usedPercent}%`}>
        <Tag data-level="paused" style={{ marginInlineEnd: 0 }}>
          {STAGE_LABELS[paused.stage]}·暂停计时
        </Tag>
      </Tooltip>
    );
  }
  const state = caseDeadline(aCase, now, starts);
  if (!state) {
    return <span style={{ color: '#8c8c8c' }}>—</span>;
  }
  return (
    <Tooltip title={`${STAGE_LABELS[state.stage]}时限 ${state.deadline.toLocaleString('zh-CN')}，已用 ${Math.round(state.used * 100)}%`}>
      <Tag color={LEVEL_COLORS[state.level]} data-level={state.level} style={{ marginInlineEnd: 0 }}>
        {STAGE_LABELS[state.stage]}·{leftText(state)}·{LEVEL_TEXT[state.level]}
      </Tag>
    </Tooltip>
  );
}
