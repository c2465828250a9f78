//! Payslips, annual statements, accruals and payments (seed 002 "Loonstroken", "Jaaropgaven",
//! "Reserveringen", "Betalingen"): pushed by a payroll system or uploaded, read by the employee.

pub mod demo;
pub mod routes;
pub mod service;
