-- How each member of staff arranges the cards beside a page's main column (the ticket page's side
-- cards): their order and which are folded, one row per person and page.
CREATE TABLE card_layout (
    staff_id   UUID         NOT NULL,
    page       VARCHAR(40)  NOT NULL,
    cards      VARCHAR(4000) NOT NULL,
    folded     VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (staff_id, page)
);
