package archfixture.good.etl.store;

import java.sql.Connection;

public class Repo {
    public Connection connection;
}
