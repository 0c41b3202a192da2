package archfixture.good.cli;

public class Main {
    public static void main(String[] args) {
        System.out.println(new picocli.CommandLine(new Object()).getCommandName()
                + archfixture.good.cli.inject.EgregoraInjector.create());
    }
}
