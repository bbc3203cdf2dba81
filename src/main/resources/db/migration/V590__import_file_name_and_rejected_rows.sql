-- An import names the file it came from (the page's upload: its name; its size is bytes_expected), so
-- the data team tells day1.csv from day2.csv on the list. A CSV import keeps its header row and each
-- rejected row as the file sent it, so the rejected rows can be downloaded, corrected and imported
-- again. Imports made before this column existed keep NULL: their pages show no name and their
-- download keeps the row numbers.
ALTER TABLE att_import ADD COLUMN file_name VARCHAR(255);
ALTER TABLE att_import ADD COLUMN file_header VARCHAR(20000);
ALTER TABLE att_import_rejection ADD COLUMN sent_row VARCHAR(20000);
