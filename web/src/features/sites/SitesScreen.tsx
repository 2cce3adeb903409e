import { useId, useState, type FormEvent } from 'react';
import type { Me } from '../../../../src/shared/auth.ts';
import { SITE_KINDS, TASK_KINDS, TASK_STATUSES, TASK_TRANSITIONS, THREAT_LEVELS, type SiteKind, type Task, type TaskStatus, type ThreatLevel } from '../../../../src/shared/sites.ts';
import { TRAINING_TOPICS, type TrainingTopic } from '../../../../src/shared/training.ts';
import { useCapabilities } from '../../api/capabilities.ts';
import { errorMessage } from '../../app/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { useAssign, useAssignments, useCourses, useGaps, useTasks, useTaskStatus, useThreats, useTrainingTotals } from './api.ts';
import { THREAT_COLOURS } from './sitesLayer.ts';
import './sites.css';

const TABS = ['threats', 'gaps', 'assignments', 'tasks', 'training'] as const;
type Tab = (typeof TABS)[number];
const COMMAND_ROLES = ['commander', 'admin'];

/** Critical sites and their protection, patrol tasks and the training of the HNP: simple lists for commanders and staff. */
export default function SitesScreen({ me }: { me: Me }) {
  const { t } = useI18n();
  const caps = useCapabilities();
  const [tab, setTab] = useState<Tab>('threats');
  const enabled = caps?.has('sites') ?? false;
  if (caps && !enabled) {
    return (
      <div className="page">
        <h1>{t('sitesScreen.title')}</h1>
        <p className="notice">{t('common.waitingFor', { api: t('apis.sites') })}</p>
      </div>
    );
  }
  const commands = me.roles.some((r) => COMMAND_ROLES.includes(r));
  return (
    <div className="page sites-screen">
      <h1>{t('sitesScreen.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('sitesScreen.title')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'active' : undefined} onClick={() => setTab(name)} data-testid={`sites-tab-${name}`}>
            {t(`sitesScreen.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'threats' && <Threats enabled={enabled} />}
        {tab === 'gaps' && <Gaps enabled={enabled} commands={commands} />}
        {tab === 'assignments' && <Assignments enabled={enabled} />}
        {tab === 'tasks' && <Tasks enabled={enabled} commands={commands} />}
        {tab === 'training' && <Training />}
      </div>
    </div>
  );
}

function ThreatBadge({ level }: { level: number }) {
  const { f } = useI18n();
  const known = THREAT_LEVELS[level as ThreatLevel];
  return <span className="threat-badge" style={{ background: THREAT_COLOURS[level as ThreatLevel] ?? '#999' }}>{f.term(known, known?.code ?? String(level))}</span>;
}

function Threats({ enabled }: { enabled: boolean }) {
  const { t, f } = useI18n();
  const kindId = useId();
  const [kind, setKind] = useState<SiteKind | ''>('');
  const threats = useThreats(enabled, kind);
  const shown = (threats.data ?? []).filter((s) => s.level > 1 || kind !== '');
  return (
    <section>
      <div className="chart-head">
        <label htmlFor={kindId}>{t('sitesScreen.kind')}</label>
        <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as SiteKind | '')} data-testid="sites-kind">
          <option value="">{t('sitesScreen.allKinds')}</option>
          {(Object.keys(SITE_KINDS) as SiteKind[]).map((k) => <option key={k} value={k}>{f.term(SITE_KINDS[k], k)}</option>)}
        </select>
      </div>
      {threats.error && <p className="error" role="alert">{errorMessage(t, threats.error)}</p>}
      {threats.isSuccess && shown.length === 0 && <p className="hint">{t('sitesScreen.noThreats')}</p>}
      <ul className="cards">
        {shown.map((s) => (
          <li key={s.siteId} className="card" data-testid="site-threat">
            <h2><ThreatBadge level={s.level} /> {s.siteName}</h2>
            {s.reasons.length === 0 ? <p className="meta">{t('sitesScreen.noReasons')}</p> : <ul className="reasons">{s.reasons.map((r) => <li key={r.kind === 'area' ? r.areaId : r.type}>{r.text}</li>)}</ul>}
            <p className="meta">{t('sitesScreen.within', { meters: f.number(s.params.radiusMeters), days: s.params.windowDays })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Gaps({ enabled, commands }: { enabled: boolean; commands: boolean }) {
  const { t, f } = useI18n();
  const gaps = useGaps(enabled);
  const [assigning, setAssigning] = useState<string | null>(null);
  return (
    <section>
      {gaps.error && <p className="error" role="alert">{errorMessage(t, gaps.error)}</p>}
      {gaps.isSuccess && gaps.data.length === 0 && <p className="hint">{t('sitesScreen.noGaps')}</p>}
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('sitesScreen.site')}</th>
              <th scope="col">{t('sitesScreen.criticality')}</th>
              <th scope="col">{t('sitesScreen.gap')}</th>
              <th scope="col">{t('sitesScreen.assignedOfRequired')}</th>
              <th scope="col">{t('sitesScreen.units')}</th>
              {commands && <th scope="col"><span className="visually-hidden">{t('sitesScreen.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {(gaps.data ?? []).map((g) => (
              <tr key={g.siteId} data-testid="site-gap">
                <th scope="row">{g.siteName}<div className="hint">{f.term(SITE_KINDS[g.kind], g.kind)}</div></th>
                <td>{g.criticality}</td>
                <td>{t(`sitesScreen.gaps.${g.gap}`)}</td>
                <td>{f.number(g.assignedStrength)} / {f.number(g.requiredStrength)} ({t('sitesScreen.short', { n: g.shortfall })})</td>
                <td>{g.units.join(', ') || '—'}</td>
                {commands && <td><button type="button" onClick={() => setAssigning(g.siteId)}>{t('sitesScreen.assign')}</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {assigning && <AssignForm siteId={assigning} siteName={gaps.data?.find((g) => g.siteId === assigning)?.siteName ?? ''} onDone={() => setAssigning(null)} />}
    </section>
  );
}

function AssignForm({ siteId, siteName, onDone }: { siteId: string; siteName: string; onDone: () => void }) {
  const { t } = useI18n();
  const assign = useAssign();
  const ids = { org: useId(), unit: useId(), strength: useId(), from: useId(), to: useId() };
  const [form, setForm] = useState({ organisation: '', unit: '', strength: '10', from: new Date().toISOString().slice(0, 16), to: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(
      { siteId, unit: { organisation: form.organisation.trim().toUpperCase(), name: form.unit }, strength: Number(form.strength), startsAt: new Date(form.from).toISOString(), endsAt: form.to ? new Date(form.to).toISOString() : null, classification: 'MISSION' },
      { onSuccess: onDone },
    );
  };
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  return (
    <form className="card assign-form" onSubmit={submit} aria-label={t('sitesScreen.assignTo', { site: siteName })}>
      <h2>{t('sitesScreen.assignTo', { site: siteName })}</h2>
      <label htmlFor={ids.org}>{t('sitesScreen.unitOrganisation')}</label>
      <input id={ids.org} required maxLength={16} placeholder="KEN" {...field('organisation')} />
      <label htmlFor={ids.unit}>{t('sitesScreen.unit')}</label>
      <input id={ids.unit} required maxLength={200} {...field('unit')} />
      <label htmlFor={ids.strength}>{t('sitesScreen.strength')}</label>
      <input id={ids.strength} type="number" min={1} required {...field('strength')} />
      <label htmlFor={ids.from}>{t('sitesScreen.from')}</label>
      <input id={ids.from} type="datetime-local" required {...field('from')} />
      <label htmlFor={ids.to}>{t('sitesScreen.to')}</label>
      <input id={ids.to} type="datetime-local" {...field('to')} />
      {assign.error && <p className="error" role="alert">{errorMessage(t, assign.error)}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={assign.isPending}>{assign.isPending ? t('sitesScreen.saving') : t('sitesScreen.save')}</button>
        <button type="button" onClick={onDone}>{t('sitesScreen.cancel')}</button>
      </div>
    </form>
  );
}

function Assignments({ enabled }: { enabled: boolean }) {
  const { t, f } = useI18n();
  const assignments = useAssignments(enabled);
  return (
    <section>
      {assignments.error && <p className="error" role="alert">{errorMessage(t, assignments.error)}</p>}
      {assignments.isSuccess && assignments.data.length === 0 && <p className="hint">{t('sitesScreen.noAssignments')}</p>}
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('sitesScreen.site')}</th>
              <th scope="col">{t('sitesScreen.unit')}</th>
              <th scope="col">{t('sitesScreen.strength')}</th>
              <th scope="col">{t('sitesScreen.period')}</th>
            </tr>
          </thead>
          <tbody>
            {(assignments.data ?? []).map((a) => (
              <tr key={a.id} data-testid="site-assignment">
                <th scope="row">{a.siteName}</th>
                <td>{a.unit.name} ({a.unit.organisation})</td>
                <td>{f.number(a.strength)}</td>
                <td>{f.date(a.startsAt)} – {a.endsAt ? f.date(a.endsAt) : t('sitesScreen.openEnded')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Tasks({ enabled, commands }: { enabled: boolean; commands: boolean }) {
  const { t, f } = useI18n();
  const tasks = useTasks(enabled);
  const move = useTaskStatus();
  const act = (task: Task, status: TaskStatus) => {
    const note = status === 'under_way' ? undefined : window.prompt(t(status === 'aborted' ? 'sitesScreen.whyAborted' : 'sitesScreen.afterAction')) ?? undefined;
    if (status === 'aborted' && !note) return;
    move.mutate({ task, status, ...(note ? { afterAction: note } : {}) });
  };
  return (
    <section>
      {(tasks.error ?? move.error) && <p className="error" role="alert">{errorMessage(t, tasks.error ?? move.error)}</p>}
      {tasks.isSuccess && tasks.data.length === 0 && <p className="hint">{t('sitesScreen.noTasks')}</p>}
      <ul className="cards">
        {(tasks.data ?? []).map((task) => (
          <li key={task.id} className={`card task task-${task.status}`} data-testid="site-task">
            <h2>{task.title}</h2>
            <p className="badges">
              <span className="badge">{f.term(TASK_KINDS[task.kind], task.kind)}</span>
              <span className={`badge status-${task.status}`}>{f.term(TASK_STATUSES[task.status], task.status)}</span>
            </p>
            <p className="meta">{task.unit.name} ({task.unit.organisation}){task.site ? ` · ${task.site.name}` : ''}</p>
            <p className="meta">{f.dateTime(task.startsAt)} – {f.dateTime(task.endsAt)}</p>
            {task.afterAction && <p>{task.afterAction}</p>}
            {commands && TASK_TRANSITIONS[task.status].length > 0 && (
              <div className="button-row">
                {TASK_TRANSITIONS[task.status].map((status) => (
                  <button key={status} type="button" disabled={move.isPending} onClick={() => act(task, status)}>{t(`sitesScreen.move.${status}`)}</button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Training() {
  const { t, f } = useI18n();
  const courses = useCourses(true);
  const totals = useTrainingTotals(true);
  const byTopic = new Map<string, { period: string; topic: TrainingTopic; enrolled: number; certified: number }>();
  for (const row of totals.data?.rows ?? []) {
    const key = `${row.period}|${row.topic}`;
    const entry = byTopic.get(key) ?? { period: row.period, topic: row.topic, enrolled: 0, certified: 0 };
    entry.enrolled += row.enrolled;
    entry.certified += row.certified;
    byTopic.set(key, entry);
  }
  return (
    <section>
      {(courses.error ?? totals.error) && <p className="error" role="alert">{errorMessage(t, courses.error ?? totals.error)}</p>}
      <h2>{t('sitesScreen.courses')}</h2>
      {courses.isSuccess && courses.data.length === 0 && <p className="hint">{t('sitesScreen.noCourses')}</p>}
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('sitesScreen.course')}</th>
              <th scope="col">{t('sitesScreen.topic')}</th>
              <th scope="col">{t('sitesScreen.trainer')}</th>
              <th scope="col">{t('sitesScreen.period')}</th>
              <th scope="col">{t('sitesScreen.certifiedOfEnrolled')}</th>
            </tr>
          </thead>
          <tbody>
            {(courses.data ?? []).map((c) => (
              <tr key={c.id} data-testid="training-course">
                <th scope="row">{c.title}{c.sensitive && <span className="badge">{t('sitesScreen.sensitive')}</span>}</th>
                <td>{f.term(TRAINING_TOPICS[c.topic], c.topic)}</td>
                <td>{c.trainer}</td>
                <td>{f.date(c.startsOn)} – {f.date(c.endsOn)}</td>
                <td>{f.number(c.certified)} / {f.number(c.enrolled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('sitesScreen.totals')}</h2>
      {totals.data && (
        <>
          <p className="hint">{t('sitesScreen.totalsLine', { trainees: totals.data.totals.trainees, certified: totals.data.totals.certified })}</p>
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('sitesScreen.period')}</th>
                  <th scope="col">{t('sitesScreen.topic')}</th>
                  <th scope="col">{t('sitesScreen.enrolled')}</th>
                  <th scope="col">{t('sitesScreen.certified')}</th>
                </tr>
              </thead>
              <tbody>
                {[...byTopic.values()].map((row) => (
                  <tr key={`${row.period}|${row.topic}`}>
                    <td>{row.period}</td>
                    <td>{f.term(TRAINING_TOPICS[row.topic], row.topic)}</td>
                    <td>{f.number(row.enrolled)}</td>
                    <td>{f.number(row.certified)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
