package archfixture.bad.etl;

import com.google.inject.Guice;

import java.sql.Connection;

/** Violates: sibling to sibling, JDBC outside store, picocli and System.out outside cli, its own injector, uses cli. */
public class EtlThing {
    public Connection connection;

    public Object everythingWrong() {
        System.out.println("hello");
        new picocli.CommandLine(this);
        new archfixture.bad.cli.CliThing();
        Guice.createInjector();
        return new archfixture.bad.site.SiteThing();
    }
}
