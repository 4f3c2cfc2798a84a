# Generated from forms/figures.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_FiguresScreen(object):
    def setupUi(self, FiguresScreen):
        if not FiguresScreen.objectName():
            FiguresScreen.setObjectName(u"FiguresScreen")
        FiguresScreen.resize(1100, 700)
        self.figuresLayout = QVBoxLayout(FiguresScreen)
        self.figuresLayout.setObjectName(u"figuresLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.periodLabel = QLabel(FiguresScreen)
        self.periodLabel.setObjectName(u"periodLabel")

        self.filterLayout.addWidget(self.periodLabel)

        self.periodCombo = QComboBox(FiguresScreen)
        self.periodCombo.setObjectName(u"periodCombo")
        self.periodCombo.setMinimumContentsLength(10)

        self.filterLayout.addWidget(self.periodCombo)

        self.fromLabel = QLabel(FiguresScreen)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterLayout.addWidget(self.fromLabel)

        self.fromEdit = QDateEdit(FiguresScreen)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.fromEdit.setCalendarPopup(True)

        self.filterLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(FiguresScreen)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.toEdit = QDateEdit(FiguresScreen)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.toEdit.setCalendarPopup(True)

        self.filterLayout.addWidget(self.toEdit)

        self.breakdownLabel = QLabel(FiguresScreen)
        self.breakdownLabel.setObjectName(u"breakdownLabel")

        self.filterLayout.addWidget(self.breakdownLabel)

        self.breakdownCombo = QComboBox(FiguresScreen)
        self.breakdownCombo.setObjectName(u"breakdownCombo")
        self.breakdownCombo.setMinimumContentsLength(10)

        self.filterLayout.addWidget(self.breakdownCombo)

        self.filterSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.progressBar = QProgressBar(FiguresScreen)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximumWidth(160)
        self.progressBar.setTextVisible(False)

        self.filterLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(FiguresScreen)
        self.cancelButton.setObjectName(u"cancelButton")

        self.filterLayout.addWidget(self.cancelButton)

        self.ticketsButton = QPushButton(FiguresScreen)
        self.ticketsButton.setObjectName(u"ticketsButton")

        self.filterLayout.addWidget(self.ticketsButton)

        self.refreshButton = QPushButton(FiguresScreen)
        self.refreshButton.setObjectName(u"refreshButton")

        self.filterLayout.addWidget(self.refreshButton)


        self.figuresLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(FiguresScreen)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.splitter.addWidget(self.table)
        self.chartsWidget = QWidget(self.splitter)
        self.chartsWidget.setObjectName(u"chartsWidget")
        self.chartsLayout = QVBoxLayout(self.chartsWidget)
        self.chartsLayout.setObjectName(u"chartsLayout")
        self.chartsLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.chartsWidget)

        self.figuresLayout.addWidget(self.splitter)

        self.asOfLabel = QLabel(FiguresScreen)
        self.asOfLabel.setObjectName(u"asOfLabel")
        self.asOfLabel.setText(u"")
        self.asOfLabel.setWordWrap(True)

        self.figuresLayout.addWidget(self.asOfLabel)

        self.messageLabel = QLabel(FiguresScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.figuresLayout.addWidget(self.messageLabel)

        self.figuresLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodCombo)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
        self.breakdownLabel.setBuddy(self.breakdownCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.periodCombo, self.fromEdit)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.breakdownCombo)
        QWidget.setTabOrder(self.breakdownCombo, self.table)
        QWidget.setTabOrder(self.table, self.ticketsButton)
        QWidget.setTabOrder(self.ticketsButton, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.cancelButton)

        self.retranslateUi(FiguresScreen)
    # setupUi

    def retranslateUi(self, FiguresScreen):
        self.periodLabel.setText(QCoreApplication.translate("FiguresScreen", u"&Period", None))
        self.fromLabel.setText(QCoreApplication.translate("FiguresScreen", u"Fro&m", None))
        self.toLabel.setText(QCoreApplication.translate("FiguresScreen", u"&To", None))
        self.breakdownLabel.setText(QCoreApplication.translate("FiguresScreen", u"&Broken down by", None))
        self.cancelButton.setText(QCoreApplication.translate("FiguresScreen", u"Cancel", None))
#if QT_CONFIG(tooltip)
        self.ticketsButton.setToolTip(QCoreApplication.translate("FiguresScreen", u"The tickets the selected figure counted (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.ticketsButton.setText(QCoreApplication.translate("FiguresScreen", u"Tic&kets behind\u2026", None))
        self.refreshButton.setText(QCoreApplication.translate("FiguresScreen", u"&Refresh", None))
        pass
    # retranslateUi

