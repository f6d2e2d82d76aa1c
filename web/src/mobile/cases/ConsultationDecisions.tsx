import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { chinaTime } from './caseText';

/** A consultation as the case's reporter sees it: decided ones only, organisations named, no minutes. */
export interface ConsultationDecision {
  id: string;
  format: 'SMALL_STOOL' | 'MORNING_MEETING' | 'RED_HALL' | 'DEMOCRATIC';
  topic: string;
  startsAt: string;
  heldAt?: string;
  place: string;
  status: string;
  decision?: string;
  parts: { partId: string; task: string; carriedOutBy: { kind: string; label?: string }; done: boolean }[];
}

const FORMAT_TEXT: Record<ConsultationDecision['format'], string> = {
  SMALL_STOOL: '小板凳协商',
  MORNING_MEETING: '连心晨会',
  RED_HALL: '红色议事厅',
  DEMOCRATIC: '民主协商',
};

const PARTY_TEXT: Record<string, string> = {
  DEPARTMENT: '职能部门',
  PROPERTY_COMPANY: '物业',
  PARTY_MEMBER: '党员',
  RESIDENT_REPRESENTATIVE: '居民代表',
  CO_BUILDING_UNIT: '共建单位',
  SOCIAL_ORGANIZATION: '社会组织',
  COMMUNITY: '社区',
};

/** What a consultation about my case decided, and who does which part; nothing while none is decided. */
export function ConsultationDecisions({ caseId }: { caseId: string }) {
  const [decided, setDecided] = useState<ConsultationDecision[]>([]);
  useEffect(() => {
    api<ConsultationDecision[]>(`/api/cases/${caseId}/consultations`).then(
      (list) => setDecided(list.filter((c) => c.decision)),
      () => setDecided([]),
    );
  }, [caseId]);
  if (decided.length === 0) {
    return null;
  }
  return (
    <section className="m-section" data-testid="consultation-decisions">
      <h2>协商结果</h2>
      {decided.map((c) => (
        <div key={c.id} className="m-card">
          <p className="m-card-meta">
            {FORMAT_TEXT[c.format]} · {chinaTime(c.heldAt ?? c.startsAt)} · {c.place}
          </p>
          <p>
            <strong>{c.topic}</strong>
          </p>
          <p data-testid="decision">{c.decision}</p>
          <ul>
            {c.parts.map((part) => (
              <li key={part.partId}>
                {part.task}（{part.carriedOutBy.label ?? PARTY_TEXT[part.carriedOutBy.kind] ?? part.carriedOutBy.kind}）
                {part.done ? ' ✓ 已落实' : ''}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
