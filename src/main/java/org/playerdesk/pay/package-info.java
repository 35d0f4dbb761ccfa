/**
 * Pay (提成奖励制度, docs/pay.md): the pay rules, versioned and each in force from a month on;
 * every agent's pay for a month computed from their shared monthly reviews
 * ({@link org.playerdesk.review.MonthlyReviews}) and their teams ({@link org.playerdesk.workforce.Teams})
 * with the rules in force that month: base salary, performance pay by result bands, the lead's
 * bonus, the quarter's excellent employee, and the team awards split among the team's members;
 * the quarter's rankings that help a lead pick the excellent employee and team; and the payroll
 * export (CSV, Excel). PlayerDesk pays nothing itself. Only the agent, their team's lead and those
 * with {@link org.playerdesk.access.Permission#VIEW_PAY} see an agent's pay; every view is audited.
 * Other modules need nothing from it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pay")
package org.playerdesk.pay;
