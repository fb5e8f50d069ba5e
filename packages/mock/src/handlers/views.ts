import { desaInfo } from '../data/regions.js';
import type { Store } from '../store/store.js';
import type { AssignmentRecord, UnitRecord, UserRecord } from '../store/types.js';

/** Contract shapes of store records. */
export function assignmentView(a: AssignmentRecord) {
  const info = desaInfo(a.desaCode);
  return {
    desaCode: a.desaCode,
    desaName: info?.desaName ?? a.desaCode,
    kecamatanName: info?.kecamatanName ?? '',
    since: a.since,
  };
}

export function userView(u: UserRecord) {
  const out: Record<string, unknown> = { id: u.id, role: u.role, name: u.name };
  if (u.nrp) out.nrp = u.nrp;
  if (u.rank) out.rank = u.rank;
  if (u.position) out.position = u.position;
  if (u.unitId) out.unitId = u.unitId;
  if (u.email) out.email = u.email;
  if (u.phone) out.phone = u.phone;
  if (u.desaCode) out.desaCode = u.desaCode;
  if (u.role === 'bhabinkamtibmas' || u.role === 'supervisor')
    out.assignments = u.assignments.map(assignmentView);
  return out;
}

export function officerView(u: UserRecord) {
  const out: Record<string, unknown> = {
    id: u.id,
    nrp: u.nrp ?? '00000000',
    name: u.name,
    rank: u.rank ?? '',
    role: u.role === 'supervisor' ? 'supervisor' : 'bhabinkamtibmas',
    position: u.position ?? '',
    unitId: u.unitId ?? '',
    assignments: u.assignments.map(assignmentView),
  };
  if (u.phone) out.phone = u.phone;
  return out;
}

export function unitView(u: UnitRecord) {
  const out: Record<string, unknown> = {
    id: u.id,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    regionCodes: u.regionCodes,
  };
  if (u.address) out.address = u.address;
  return out;
}

const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export function publicOfficerView(store: Store, u: UserRecord, desaCode: string) {
  const unit = u.unitId ? store.unit(u.unitId) : undefined;
  const out: Record<string, unknown> = {
    name: u.rank ? `${titleCase(u.rank)} ${u.name}` : u.name,
    rank: u.rank ?? '',
    unitName: unit?.name ?? '',
    desaCode,
    desaName: desaInfo(desaCode)?.desaName ?? desaCode,
  };
  if (u.phone) out.phone = u.phone;
  if (unit?.address) out.unitAddress = unit.address;
  return out;
}

export function isOfficer(u: UserRecord): boolean {
  return u.role === 'bhabinkamtibmas' || u.role === 'supervisor';
}
