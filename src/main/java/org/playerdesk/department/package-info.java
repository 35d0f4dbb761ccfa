/**
 * Departments (技术部, 运营部, 安全部, 财务部, 发货/履约) and transfer with a question: an agent sends a
 * ticket to a department with a question; the ticket waits (pending_internal) while the
 * department's own answer deadline runs; the department answers in the console, by email reply or
 * through its system's webhook; the answer becomes an internal note, goes back to the owning agent,
 * and the ticket opens again once no question is still open. A question not answered in time is
 * marked overdue once and its people are told. {@link org.playerdesk.department.Departments} keeps
 * the departments, {@link org.playerdesk.department.Transfers} the questions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Departments")
package org.playerdesk.department;
