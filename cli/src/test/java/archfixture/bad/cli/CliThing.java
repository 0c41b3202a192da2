package archfixture.bad.cli;

public class CliThing {
}
