import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { AuthorizedImage } from '../../shared/AuthorizedImage';
import { PageHeader } from '../common/PageHeader';
import type { Attachment, Case, HistoryEntry, Rating } from '../types';
import { chinaTime, SATISFACTION_TEXT, STATUS_TEXT, statusTone, timeline } from './caseText';
import { ConsultationDecisions } from './ConsultationDecisions';
import { RatingForm } from './RatingForm';

/** One of my cases: where it stands, what happened, the photos before and after, and the rating. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const [aCase, setCase] = useState<Case>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [photos, setPhotos] = useState<Attachment[]>([]);
  const [photoFailure, setPhotoFailure] = useState<string>();
  const [rating, setRating] = useState<Rating | null>();
  const [failure, setFailure] = useState<string>();
  const [shown, setShown] = useState<Attachment>();

  const load = useCallback(() => {
    api<Case>(`/api/cases/${id}`).then(setCase, (problem: unknown) =>
      setFailure(problem instanceof ApiError && problem.status === 404 ? '未找到此诉求' : messageOf(problem)),
    );
    api<HistoryEntry[]>(`/api/cases/${id}/history`).then(setHistory, () => setHistory([]));
    api<Attachment[]>(`/api/cases/${id}/attachments`).then(setPhotos, (problem: unknown) =>
      setPhotoFailure(messageOf(problem)),
    );
    api<Rating>(`/api/ratings/${id}`).then(setRating, () => setRating(null));
  }, [id]);
  useEffect(load, [load]);

  if (failure) {
    return (
      <>
        <PageHeader title="诉求详情" back />
        <main className="m-page">
          <p className="m-notice m-notice-bad">{failure}</p>
        </main>
      </>
    );
  }
  if (!aCase) {
    return (
      <>
        <PageHeader title="诉求详情" back />
        <p className="m-loading">正在加载…</p>
      </>
    );
  }
  const before = photos.filter((photo) => photo.stage === 'REPORT');
  const after = photos.filter((photo) => photo.stage !== 'REPORT');
  // A rating counts for the latest close: after a rework (发回重办) the case closes again and may be rated again.
  const ratedThisClose = rating != null && aCase.closedAt != null && ratesClose(rating, aCase.closedAt);
  const mayRate = aCase.status === 'CLOSED' && aCase.reportedByCaller && rating !== undefined && !ratedThisClose;
  // A dissatisfied rating sends the case back (发回重办): while it is handled again, the resident still sees
  // what they said and that it was sent back, whether or not the case has reopened yet.
  const awaitingRework =
    rating != null && rating.satisfaction === 'DISSATISFIED' && aCase.status !== 'CLOSED' && aCase.status !== 'CANCELLED';
  const showRating = ratedThisClose || awaitingRework;

  return (
    <>
      <PageHeader title="诉求详情" back />
      <main className="m-page">
        <section className="m-section">
          <div className="m-card-top">
            <strong>{aCase.categoryName ?? aCase.categoryCode}</strong>
            <span className={`m-status m-status-${statusTone(aCase.status)}`} data-testid="status">
              {STATUS_TEXT[aCase.status] ?? aCase.status}
            </span>
          </div>
          <p className="m-card-meta">诉求编号 {aCase.number}</p>
          <p>{aCase.description}</p>
          <dl className="m-facts">
            <dt>反映时间</dt>
            <dd>{chinaTime(aCase.reportedAt)}</dd>
            <dt>位置</dt>
            <dd>{[aCase.gridName, aCase.locationDescription].filter(Boolean).join(' · ') || '待社区确认'}</dd>
            {aCase.status !== 'CLOSED' && aCase.status !== 'CANCELLED' && (
              <>
                <dt>预计办结</dt>
                <dd data-testid="expected">
                  {aCase.expectedCompletion ? chinaTime(aCase.expectedCompletion) : '受理后确定'}
                  {aCase.waitingForResident ? '（等待您补充情况，计时暂停）' : ''}
                </dd>
              </>
            )}
            {aCase.closedAt && (
              <>
                <dt>办结时间</dt>
                <dd>{chinaTime(aCase.closedAt)}</dd>
              </>
            )}
            {aCase.assignee?.displayName && (
              <>
                <dt>承办</dt>
                <dd>{aCase.assignee.displayName}</dd>
              </>
            )}
          </dl>
        </section>

        <ConsultationDecisions caseId={aCase.id} />

        {(mayRate || showRating) && (
          <section className="m-section">
            <h2>办理评价</h2>
            {rating?.earlier?.map((before, index) => (
              <p key={before.ratedAt} className="m-hint">
                第 {index + 1} 次评价：{SATISFACTION_TEXT[before.satisfaction]}
                {before.comment ? `（${before.comment}）` : ''}，已发回重办
              </p>
            ))}
            {showRating && rating ? (
              <p data-testid="rated">
                您的评价：<strong>{SATISFACTION_TEXT[rating.satisfaction]}</strong>
                {rating.comment ? `（${rating.comment}）` : ''}
                {rating.satisfaction === 'DISSATISFIED' ? '。已发回重新办理，办结后可再次评价。' : ''}
              </p>
            ) : (
              <RatingForm caseId={aCase.id} again={rating != null} onRated={load} />
            )}
          </section>
        )}

        <section className="m-section">
          <h2>现场照片</h2>
          {photoFailure && <p className="m-notice m-notice-bad">照片加载失败：{photoFailure}</p>}
          <PhotoRow title="反映时" photos={before} caseId={aCase.id} onShow={setShown} empty="未上传照片" />
          <PhotoRow title="处理后" photos={after} caseId={aCase.id} onShow={setShown} empty="处理完成后由承办单位上传" />
        </section>

        <section className="m-section">
          <h2>办理进度</h2>
          <ol className="m-timeline" data-testid="timeline">
            {timeline(history)
              .slice()
              .reverse()
              .map((step, index) => (
                <li key={`${step.at}-${index}`}>
                  <time>{chinaTime(step.at)}</time>
                  <strong>{step.text}</strong>
                  {step.note && <p>{step.note}</p>}
                </li>
              ))}
          </ol>
        </section>
      </main>
      {shown && (
        <div className="m-viewer" role="dialog" aria-label="查看照片" onClick={() => setShown(undefined)}>
          <AuthorizedImage path={`/api/cases/${aCase.id}/attachments/${shown.id}`} alt="照片原图" />
          <p>点按任意处关闭</p>
        </div>
      )}
    </>
  );
}

function PhotoRow({
  title,
  photos,
  caseId,
  onShow,
  empty,
}: {
  title: string;
  photos: Attachment[];
  caseId: string;
  onShow: (photo: Attachment) => void;
  empty: string;
}) {
  return (
    <div className="m-photo-row">
      <p className="m-label">{title}</p>
      {photos.length === 0 ? (
        <p className="m-hint">{empty}</p>
      ) : (
        <ul className="m-photos">
          {photos.map((photo, index) => (
            <li key={photo.id} className="m-photo">
              <button type="button" onClick={() => onShow(photo)} aria-label={`查看${title}第 ${index + 1} 张照片`}>
                <AuthorizedImage path={`/api/cases/${caseId}/attachments/${photo.id}/thumbnail`} alt={`${title}照片 ${index + 1}`} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Whether the rating answers the case's latest closure. The services keep instants at different
 * precisions (nanoseconds, milliseconds): compare them as the milliseconds both have.
 */
export function ratesClose(rating: Rating, closedAt: string): boolean {
  const closed = Date.parse(closedAt);
  return rating.closedAt ? Date.parse(rating.closedAt) >= closed : Date.parse(rating.ratedAt) >= closed;
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
