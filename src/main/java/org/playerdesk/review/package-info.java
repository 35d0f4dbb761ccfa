/**
 * The monthly review of each agent (月度考核, docs/pay.md): the month's figures from insight
 * ({@link org.playerdesk.insight.AgentFigures}), quality ({@link org.playerdesk.quality.QualityReviews})
 * and surveys ({@link org.playerdesk.survey.Surveys}); the lead's marks for attitude, ability and
 * quality of service (seed 004's 考核 of 工作态度、业务能力、服务质量) and for satisfaction and teamwork,
 * their comment and the month's result; the agent's acknowledgement. A team's lead (workforce's
 * {@link org.playerdesk.workforce.Teams}), supervisors and administrators review; the agent sees their
 * own once shared. What pay reads is {@link org.playerdesk.review.MonthlyReviews}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monthly review")
package org.playerdesk.review;
