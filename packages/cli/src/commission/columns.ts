/**
 * The columns of a projects export (项目导出表) read by `kehu commission`, with the Chinese and
 * English headers each is accepted under.
 * @module
 */
import type { ColumnSpec } from '../io/columns.js'

/** Columns of a projects export, one project per row. */
export const PROJECT_COLUMNS: readonly ColumnSpec[] = [
  { field: 'project', headers: ['项目编号', '项目号', '项目', 'project', 'project id', 'projectId', 'id'], required: true },
  { field: 'name', headers: ['项目名称', 'name', 'project name', 'projectName'], required: false },
  { field: 'type', headers: ['项目类型', '类型', 'type', 'project type', 'projectType'], required: true },
  { field: 'revenue', headers: ['项目收入', '收入', 'revenue'], required: false },
  { field: 'profit', headers: ['项目利润', '利润', 'profit'], required: false },
  { field: 'turnover', headers: ['流水', '营业额', 'turnover'], required: false },
  { field: 'people', headers: ['人员', '客户人员', '负责人', 'people', 'lead', 'staff'], required: true },
  { field: 'rate', headers: ['提成比例', '比例', 'rate', 'lead rate', 'leadRate'], required: false },
  { field: 'assistants', headers: ['辅助人员', '辅助性客户人员', 'assistants'], required: false },
  { field: 'medicalStrategy', headers: ['医学策略', 'medical strategy', 'medicalStrategy'], required: false },
  { field: 'execution', headers: ['执行人员', 'execution', 'execution staff'], required: false },
  { field: 'bonusShares', headers: ['超额奖励分配', '奖励分配', 'bonus shares', 'bonusShares'], required: false },
]
