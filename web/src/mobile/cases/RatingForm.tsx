import { useState } from 'react';
import { api } from '../../shared/api';
import type { Satisfaction } from '../types';
import { SATISFACTION_TEXT } from './caseText';

const CHOICES: Satisfaction[] = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];

/** 满意 / 基本满意 / 不满意 with a comment; 不满意 sends the case back for rework (发回重办). */
export function RatingForm({ caseId, again, onRated }: { caseId: string; again: boolean; onRated: () => void }) {
  const [satisfaction, setSatisfaction] = useState<Satisfaction>();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);

  async function send() {
    if (!satisfaction) {
      setProblem('请选择满意程度');
      return;
    }
    if (satisfaction === 'DISSATISFIED' && !comment.trim()) {
      setProblem('请说明哪里不满意，便于重新办理');
      return;
    }
    setSending(true);
    setProblem(undefined);
    try {
      await api('/api/ratings', {
        method: 'POST',
        body: { caseId, satisfaction, comment: comment.trim() || undefined },
      });
      onRated();
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="m-rating" data-testid="rating-form">
      {again && <p className="m-hint">重新办理已办结，请再次评价。</p>}
      <div className="m-chips" role="radiogroup" aria-label="满意程度">
        {CHOICES.map((choice) => (
          <button
            type="button"
            key={choice}
            role="radio"
            aria-checked={satisfaction === choice}
            className={satisfaction === choice ? 'm-chip m-chip-on' : 'm-chip'}
            onClick={() => setSatisfaction(choice)}
          >
            {SATISFACTION_TEXT[choice]}
          </button>
        ))}
      </div>
      <textarea
        className="m-input"
        rows={3}
        maxLength={500}
        aria-label="评价意见"
        placeholder={satisfaction === 'DISSATISFIED' ? '请说明哪里不满意（必填），诉求将发回重新办理' : '说说您的意见（选填）'}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {problem && (
        <p className="m-field-error" role="alert">
          {problem}
        </p>
      )}
      <button className="m-button m-submit" onClick={send} disabled={sending}>
        {sending ? '正在提交…' : '提交评价'}
      </button>
    </div>
  );
}
