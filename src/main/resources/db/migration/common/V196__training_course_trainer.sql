-- The member of staff who delivers a course (docs/training.md): the trainees' trainer mark is
-- theirs, and the leads see each trainer's marks over their courses.
alter table training_course add column trainer_id uuid;
