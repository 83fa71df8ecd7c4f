// /v1/reports: the SLA report for supervisors, managers and admins (docs/REPORTS.md says
// why agents and customers are refused). JSON, or CSV when the caller prefers text/csv.
import { Router } from 'express';
import type { Db } from '../../db/client';
import { parse } from '../parse';
import { badRequest } from '../problem';
import { allow } from '../roles';
import { periodProblem, slaReportQuery } from '../schemas/reports';
import { slaReportCsv } from '../services/report-csv';
import { slaReport } from '../services/report-sla';

export const REPORT_ROLES = ['supervisor', 'manager', 'admin'] as const;

export function reportsRouter(db: Db): Router {
  const router = Router();
  router.get('/sla', allow(...REPORT_ROLES), async (req, res) => {
    const q = parse(slaReportQuery, req.query, 'query');
    const problem = periodProblem(q);
    if (problem) throw badRequest(problem);
    const report = await slaReport(db, q);
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      const name = `sla-${q.groupBy}-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}.csv`.replace(/[^\w.-]/g, '_');
      res.type('text/csv; charset=utf-8').attachment(name).send(slaReportCsv(report));
      return;
    }
    res.json(report);
  });
  return router;
}
