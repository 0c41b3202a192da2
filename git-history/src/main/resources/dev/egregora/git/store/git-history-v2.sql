-- git-history v2: whether the file changes of a repository were loaded with line stats (lines_added,
-- lines_deleted), so a load with the other setting reloads the whole history instead of mixing rows with and
-- without counts. Repositories loaded before this version had none.
ALTER TABLE git_repos ADD COLUMN line_stats BOOLEAN DEFAULT false
