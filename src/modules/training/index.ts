/**
 * Training and support of the national police: courses and sessions, trainees by HNP service
 * number (personal data, never public), enrolment, attendance and certification, the oversight
 * body's vetting flags, and totals by period, topic and unit.
 */
export { createCourse, addSession, getCourse, listCourses, countCourses } from './courses.service.ts';
export { registerTrainee, getTrainee, listTrainees, countTrainees, raiseVettingFlag, clearVettingFlag, listVettingFlags } from './trainees.service.ts';
export { enrol, recordAttendance, certify, listEnrolments, traineeCourses } from './progress.service.ts';
export { trainingTotals, periodOf } from './totals.service.ts';
export { loadTrainingDemo } from './training.demo.ts';
export { trainingRoutes } from './training.routes.ts';
