import { describe, expect, it } from 'vitest';
import { areaSource, areaText } from './area';
import { externalIdLabel } from './labels';

describe('areaSource', () => {
  it('given a department clerk whose org path is the district, when the header names them, then it reads their department', () => {
    expect(areaSource({ roles: ['department_staff'], orgPath: '/qjp', departmentId: 'dept-housing' })).toEqual({
      kind: 'department',
      path: '/api/departments/dept-housing',
    });
  });

  it('given a community dispatcher, when the header names them, then it reads the unit at the end of their path', () => {
    expect(areaSource({ roles: ['community_staff'], orgPath: '/qjp/qjp-pulou/qjp-pulou-chengnan' })).toEqual({
      kind: 'org',
      path: '/api/orgs/qjp-pulou-chengnan',
    });
  });

  it('given nobody\'s area, when the header names it, then there is nothing to read', () => {
    expect(areaSource({ roles: ['platform_admin'] })).toBeUndefined();
  });
});

describe('areaText', () => {
  it('given a name or none, when shown, then never a raw org path', () => {
    expect(areaText('区住房和城乡建设局')).toBe('区住房和城乡建设局');
    expect(areaText('城南社区党委')).toBe('城南社区党委');
    expect(areaText(undefined)).toBe('清江浦区');
  });
});

describe('externalIdLabel', () => {
  it('given where a case came from, when its external id is labelled, then by its source', () => {
    expect(externalIdLabel('HOTLINE_12345')).toBe('热线工单');
    expect(externalIdLabel('WISH_WALL')).toBe('微心愿编号');
    expect(externalIdLabel('RESIDENT_APP')).toBe('外部编号');
  });
});
