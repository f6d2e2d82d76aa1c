import { describe, expect, it } from 'vitest';
import type { Category } from '../types';
import { answerProblem, answersForApi, draftProblems, fieldKind, patrolChannel, reportRequest } from './reportForm';

const burstPipe: Category = {
  code: 'BURST_WATER_PIPE',
  name: '供水管道爆裂',
  kind: 'COMPLAINT',
  active: true,
  attributes: [
    { code: 'waterStillFlowing', label: '是否仍在冒水', datatype: 'BOOLEAN', required: true },
    { code: 'householdsWithoutWater', label: '停水户数(估计)', datatype: 'NUMBER', required: false },
  ],
};

const rubbish: Category = {
  code: 'EXPOSED_RUBBISH',
  name: '暴露垃圾',
  kind: 'COMPLAINT',
  active: true,
  attributes: [
    { code: 'rubbishType', label: '垃圾类型', datatype: 'MULTI_VALUE', allowedValues: ['生活垃圾', '建筑垃圾'] },
    { code: 'volume', label: '垃圾量', datatype: 'SINGLE_VALUE', required: true, allowedValues: ['少量', '大量'] },
    { code: 'seenAt', label: '发现时间', datatype: 'DATETIME' },
  ],
};

const here = { lon: 119.0213, lat: 33.6012 };

describe('a category question becomes a form field', () => {
  it('asks each datatype in its own way', () => {
    expect(burstPipe.attributes.map(fieldKind)).toEqual(['yesno', 'number']);
    expect(rubbish.attributes.map(fieldKind)).toEqual(['choices', 'choice', 'datetime']);
  });

  it('requires an answer to a required question and leaves an optional one alone', () => {
    expect(answerProblem(burstPipe.attributes[0], undefined)).toBe('请填写此项');
    expect(answerProblem(burstPipe.attributes[1], '')).toBeUndefined();
    expect(answerProblem(rubbish.attributes[0], [])).toBeUndefined();
  });

  it('refuses a number that is not one, a choice that is not offered and a time that is not one', () => {
    expect(answerProblem(burstPipe.attributes[1], '十几户')).toBe('请填写数字');
    expect(answerProblem(burstPipe.attributes[1], '12')).toBeUndefined();
    expect(answerProblem(rubbish.attributes[1], '一车')).toBe('请从选项中选择一项');
    expect(answerProblem(rubbish.attributes[0], ['生活垃圾', '生活垃圾'])).toBe('请从选项中选择');
    expect(answerProblem(rubbish.attributes[2], '昨天')).toBe('请选择日期和时间');
    expect(answerProblem(rubbish.attributes[2], '2026-11-21T09:30')).toBeUndefined();
  });

  it('sends numbers as numbers, times with China time and leaves unanswered questions out', () => {
    expect(answersForApi(burstPipe, { waterStillFlowing: false, householdsWithoutWater: ' 12 ' })).toEqual({
      waterStillFlowing: false,
      householdsWithoutWater: 12,
    });
    expect(answersForApi(rubbish, { rubbishType: [], volume: '少量', seenAt: '2026-11-21T09:30' })).toEqual({
      volume: '少量',
      seenAt: '2026-11-21T09:30:00+08:00',
    });
  });
});

describe('a report draft', () => {
  it('names everything missing, each under its own field', () => {
    expect(draftProblems({ description: '  ', answers: {}, address: '' })).toEqual({
      category: '请选择问题类别',
      description: '请描述您看到的问题',
      point: '请定位或在地图上点选问题所在位置',
    });
    expect(draftProblems({ category: burstPipe, description: '水管爆了', answers: {}, point: here, address: '' })).toEqual({
      'answers.waterStillFlowing': '请填写此项',
    });
  });

  it('keeps the description and the address within what case-service takes', () => {
    const problems = draftProblems({
      category: rubbish,
      description: '堆'.repeat(2001),
      answers: { volume: '少量' },
      point: here,
      address: '路'.repeat(201),
    });
    expect(problems.description).toBe('描述最多 2000 个字（现在 2001 个）');
    expect(problems.address).toBe('地址最多 200 个字');
  });

  it('becomes the body of POST /api/cases in the channel of the page', () => {
    const body = reportRequest(
      { category: rubbish, description: ' 垃圾堆积三天 ', answers: { volume: '大量' }, point: here, address: '' },
      'GRID_WORKER',
      false,
    );
    expect(body).toEqual({
      categoryCode: 'EXPOSED_RUBBISH',
      description: '垃圾堆积三天',
      point: here,
      locationDescription: undefined,
      answers: { volume: '大量' },
      channel: 'GRID_WORKER',
      emergency: undefined,
    });
  });
});

describe('the patrol channel', () => {
  it('is the grid worker channel for grid workers and the part-time one for couriers', () => {
    expect(patrolChannel(['grid_worker', 'resident'])).toBe('GRID_WORKER');
    expect(patrolChannel(['part_time_worker'])).toBe('PART_TIME_WORKER');
    expect(patrolChannel(['resident'])).toBeUndefined();
  });
});
