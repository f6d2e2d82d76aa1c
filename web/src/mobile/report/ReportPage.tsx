import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, ApiError, problemText, readWhenFree } from '../../shared/api';
import { PageHeader } from '../common/PageHeader';
import { pointInside, round } from '../common/geo';
import type { Case, Category, Grid, Located, Point } from '../types';
import { QuestionField } from './QuestionField';
import { PhotoPicker, type ChosenPhoto } from './PhotoPicker';
import { draftProblems, reportRequest, type AnswerValue, type ReportChannel } from './reportForm';
import { readScannedCode, scannedAddress } from './scanCode';
import { uploadPhotos } from './upload';

const GridMap = lazy(() => import('./GridMap'));

const TITLES: Record<ReportChannel, string> = {
  RESIDENT_APP: '我要反映',
  GRID_WORKER: '巡查上报',
  PART_TIME_WORKER: '随手报（兼职网格员）',
};

interface Place {
  point: Point;
  /** Where the point came from, as the page says it. */
  source: string;
  located?: Located | null;
}

/** 我要反映 / 巡查上报: one form, sent through the channel of the page. */
export function ReportPage({ channel }: { channel: ReportChannel }) {
  const { search } = useLocation();
  const scanned = useMemo(() => readScannedCode(search), [search]);
  const [categories, setCategories] = useState<Category[]>();
  const [loadError, setLoadError] = useState<string>();
  const [category, setCategory] = useState<Category>();
  const [description, setDescription] = useState('');
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [emergency, setEmergency] = useState(false);
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  const [place, setPlace] = useState<Place>();
  const [address, setAddress] = useState('');
  const [scanNote, setScanNote] = useState<{ text: string; bad?: boolean }>();
  const [locating, setLocating] = useState(false);
  const [showMap, setShowMap] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string>();
  // Seconds left before the platform, busy in a storm, asked to be tried again.
  const [wait, setWait] = useState(0);
  const [filed, setFiled] = useState<Case>();
  const formTop = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const leaving = new AbortController();
    readWhenFree<Category[]>('/api/categories', {
      signal: leaving.signal,
      onBusy: (failure) => setLoadError(`${failure.message}，稍后自动重试`),
    }).then(
      (list) => {
        setLoadError(undefined);
        setCategories(list.filter((one) => one.active));
      },
      (failure: unknown) => {
        if (!leaving.signal.aborted) {
          setLoadError(messageOf(failure));
        }
      },
    );
    return () => leaving.abort();
  }, []);

  // A scanned code: name the grid, put the point inside it and the grid (and building) in the address.
  useEffect(() => {
    if (scanned.problem && !scanned.grid) {
      setScanNote({ text: scanned.problem, bad: true });
      return;
    }
    if (!scanned.grid) {
      return;
    }
    const leaving = new AbortController();
    readWhenFree<Grid>(`/api/grids/${scanned.grid}`, {
      signal: leaving.signal,
      onBusy: (failure) => setScanNote({ text: `正在读取二维码对应的网格：${failure.message}，稍后自动重试`, bad: true }),
    }).then(
      (grid) => {
        if (grid.retired) {
          setScanNote({ text: `二维码对应的「${grid.name}」已撤销，请定位或在地图上选择问题所在位置`, bad: true });
          return;
        }
        const point = pointInside(grid.boundary);
        if (point) {
          setPlace({ point, source: '按二维码取网格中心点', located: { code: grid.code, name: grid.name, level: grid.level } });
        }
        setAddress((now) => now || scannedAddress(grid.name, scanned.building));
        setScanNote({ text: `已按二维码填入位置：${scannedAddress(grid.name, scanned.building)}${scanned.problem ? `（${scanned.problem}）` : ''}` });
      },
      (failure: unknown) => {
        if (leaving.signal.aborted) {
          return;
        }
        setScanNote({
          text:
            failure instanceof ApiError && failure.status === 404
              ? '二维码对应的网格不存在，请定位或在地图上选择位置'
              : messageOf(failure),
          bad: true,
        });
      },
    );
    return () => leaving.abort();
  }, [scanned]);

  function choose(point: Point, source: string) {
    const rounded = { lon: round(point.lon), lat: round(point.lat) };
    setPlace({ point: rounded, source });
    setProblems(({ point: _gone, ...rest }) => rest);
    // Which grid the point is in: a hint for the resident; case-service locates it again on intake.
    api<Located>('/api/grids/locate', { query: { lon: rounded.lon, lat: rounded.lat } }).then(
      (located) => setPlace((now) => (now?.point === rounded ? { ...now, located } : now)),
      () => setPlace((now) => (now?.point === rounded ? { ...now, located: null } : now)),
    );
  }

  function locateMe() {
    if (!navigator.geolocation) {
      setProblems((now) => ({ ...now, point: '此浏览器无法定位，请在地图上点选位置' }));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        choose({ lon: position.coords.longitude, lat: position.coords.latitude }, `手机定位（精度约 ${Math.round(position.coords.accuracy)} 米）`);
      },
      (failure) => {
        setLocating(false);
        setProblems((now) => ({
          ...now,
          point:
            failure.code === failure.PERMISSION_DENIED
              ? '未允许定位，请在地图上点选位置（或在浏览器设置中允许定位）'
              : '定位失败，请在地图上点选位置',
        }));
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  useEffect(() => {
    if (wait <= 0) {
      return;
    }
    const tick = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(tick);
  }, [wait]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const draft = { category, description, answers, point: place?.point, address };
    const found = draftProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      // After React has drawn the reasons: bring the first one into view.
      setTimeout(() => formTop.current?.querySelector('.m-field-error')?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }));
      return;
    }
    setSending(true);
    setSendError(undefined);
    try {
      const aCase = await api<Case>('/api/cases', { method: 'POST', body: reportRequest(draft, channel, emergency) });
      setFiled(aCase);
      window.scrollTo(0, 0);
      // The report is taken; the photos follow one by one, and a failed one can be sent again.
      if (photos.length > 0) {
        await uploadPhotos(aCase.id, photos, setPhotos);
      }
    } catch (failure) {
      const busy = failure instanceof ApiError && failure.retryAfter !== undefined;
      setSendError(busy ? `${messageOf(failure)}。您填写的内容已保留，稍后再点「提交」即可。` : messageOf(failure));
      if (busy) {
        setWait(failure.retryAfter ?? 0);
      }
      if (failure instanceof ApiError) {
        setProblems(fieldProblems(failure));
      }
    } finally {
      setSending(false);
    }
  }

  if (filed) {
    return (
      <>
        <PageHeader title={TITLES[channel]} />
        <Filed aCase={filed} photos={photos} setPhotos={setPhotos} sending={sending} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={TITLES[channel]} back />
      <form className="m-page m-form" onSubmit={submit} noValidate ref={formTop}>
        {scanNote && <p className={scanNote.bad ? 'm-notice m-notice-bad' : 'm-notice'}>{scanNote.text}</p>}
        {loadError && <p className="m-notice m-notice-bad">问题类别加载失败：{loadError}</p>}

        <section className="m-section">
          <h2>
            问题类别<em>*</em>
          </h2>
          {!categories && !loadError && <p className="m-loading">正在加载类别…</p>}
          <div className="m-chips m-chips-grid" role="radiogroup" aria-label="问题类别">
            {categories?.map((one) => (
              <button
                type="button"
                key={one.code}
                role="radio"
                aria-checked={category?.code === one.code}
                className={category?.code === one.code ? 'm-chip m-chip-on' : 'm-chip'}
                onClick={() => {
                  setCategory(one);
                  setEmergency(false);
                  setProblems(({ category: _gone, ...rest }) => rest);
                }}
              >
                {one.name}
              </button>
            ))}
          </div>
          {problems.category && <p className="m-field-error">{problems.category}</p>}
        </section>

        {category && category.attributes.length > 0 && (
          <section className="m-section">
            <h2>{category.name}：补充信息</h2>
            {category.attributes.map((question) => (
              <QuestionField
                key={`${category.code}.${question.code}`}
                question={question}
                value={answers[question.code]}
                problem={problems[`answers.${question.code}`]}
                onChange={(value) => setAnswers((now) => ({ ...now, [question.code]: value }))}
              />
            ))}
            {category.emergencyLimits != null && (
              <label className="m-check">
                <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />
                情况紧急（按紧急时限办理，请如实选择）
              </label>
            )}
          </section>
        )}

        <section className="m-section">
          <label className="m-label" htmlFor="m-description">
            问题描述<em>*</em>
          </label>
          <textarea
            id="m-description"
            className="m-input"
            rows={4}
            maxLength={2100}
            placeholder="请描述您看到的问题，例如：垃圾桶旁生活垃圾堆积三天无人清运"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <p className="m-counter">{description.trim().length} / 2000</p>
          {problems.description && <p className="m-field-error">{problems.description}</p>}
        </section>

        <section className="m-section">
          <h2>现场照片（最多 9 张）</h2>
          <PhotoPicker photos={photos} onChange={setPhotos} />
        </section>

        <section className="m-section">
          <h2>
            问题位置<em>*</em>
          </h2>
          <div className="m-row">
            <button type="button" className="m-button m-button-ghost" onClick={locateMe} disabled={locating}>
              {locating ? '正在定位…' : '◎ 使用当前位置'}
            </button>
            <button type="button" className="m-button m-button-ghost" onClick={() => setShowMap((now) => !now)}>
              {showMap ? '收起地图' : '▦ 在网格图上点选'}
            </button>
          </div>
          {showMap && (
            <Suspense fallback={<p className="m-loading">正在加载网格图…</p>}>
              <GridMap point={place?.point} onPick={(point) => choose(point, '网格图点选')} />
            </Suspense>
          )}
          {place && (
            <p className="m-place" data-testid="place">
              {place.source}
              {place.located ? `，位于${place.located.name ?? place.located.code}` : ''}
              {place.located === null ? '，不在已划定的网格内（社区会人工确认位置）' : ''}
            </p>
          )}
          {problems.point && <p className="m-field-error">{problems.point}</p>}
          <label className="m-label" htmlFor="m-address">
            详细地址
          </label>
          <input
            id="m-address"
            className="m-input"
            maxLength={220}
            placeholder="如：健康东路与淮海南路路口、3号楼2单元"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
          {problems.address && <p className="m-field-error">{problems.address}</p>}
        </section>

        {sendError && (
          <p className="m-notice m-notice-bad" role="alert">
            提交失败：{sendError}
          </p>
        )}
        <button type="submit" className="m-button m-submit" disabled={sending || wait > 0}>
          {sending ? '正在提交…' : wait > 0 ? `请稍候（${wait} 秒）` : '提交'}
        </button>
      </form>
    </>
  );
}

/** The answer to a report: its number, a nearby open case of the same kind, and the photos' fate. */
function Filed({
  aCase,
  photos,
  setPhotos,
  sending,
}: {
  aCase: Case;
  photos: ChosenPhoto[];
  setPhotos: React.Dispatch<React.SetStateAction<ChosenPhoto[]>>;
  sending: boolean;
}) {
  const failed = photos.filter((photo) => photo.state === 'failed');
  const sent = photos.filter((photo) => photo.state === 'sent').length;
  const [retrying, setRetrying] = useState(false);
  return (
    <main className="m-page">
      <section className="m-done" role="status">
        <h2>反映已受理</h2>
        <p>
          诉求编号 <strong data-testid="case-number">{aCase.number}</strong>
        </p>
        <p>{aCase.gridName ? `已转至「${aCase.gridName}」所在社区处理。` : '社区工作人员会尽快确认位置并处理。'}</p>
        {aCase.possibleDuplicateOf && (
          <p className="m-notice" data-testid="duplicate">
            附近 50 米内已有同类诉求正在办理，您的反映已与其关联，将一并处理。
          </p>
        )}
      </section>
      {photos.length > 0 && (
        <section className="m-section">
          <h2>
            现场照片：已上传 {sent} / {photos.length}
          </h2>
          <PhotoPicker photos={photos} onChange={setPhotos} readOnly />
          {failed.length > 0 && !sending && !retrying && (
            <>
              <p className="m-notice m-notice-bad" role="alert">
                {failed.length} 张照片上传失败（{failed.map((photo) => `第 ${photos.indexOf(photo) + 1} 张：${photo.error}`).join('；')}）。
                反映已受理，照片可重新上传。
              </p>
              <button
                className="m-button"
                onClick={async () => {
                  setRetrying(true);
                  await uploadPhotos(aCase.id, photos, setPhotos);
                  setRetrying(false);
                }}
              >
                重新上传失败的照片
              </button>
            </>
          )}
          {(sending || retrying) && <p className="m-loading">正在上传照片…</p>}
        </section>
      )}
      <div className="m-row">
        <Link className="m-button" to={`/cases/${aCase.id}`}>
          查看办理进度
        </Link>
        <Link className="m-button m-button-ghost" to="/" reloadDocument>
          返回首页
        </Link>
      </div>
    </main>
  );
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

/** case-service's field errors, placed under the fields they name. */
function fieldProblems(failure: ApiError): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const error of failure.problem.errors ?? []) {
    const field = error.field.startsWith('point') ? 'point' : error.field === 'categoryCode' ? 'category' : error.field === 'locationDescription' ? 'address' : error.field;
    placed[field] = problemText({ ...failure.problem, errors: [error] }, failure.status);
  }
  return placed;
}
