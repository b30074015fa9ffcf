/**
 * Staff and roles (员工与岗位), shared by approvals, ownership and access.
 * @module
 */
export { isStaffRole, STAFF_ROLE_NAMES_ZH, STAFF_ROLES, type StaffRole } from './roles.js'
export { hasRole, readStaff, type Staff } from './staff.js'
